/** Calcite schemas and tables that enforce an identity's access inside the planner, where no query can bypass it. */
package io.junctionsql.planner.security.enforce;
