/** Junction's own schema: the catalog of sources, schemas, tables, columns and keys as queryable tables. */
package io.junctionsql.planner.system;
