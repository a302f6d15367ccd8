/** Junction's own schema: the catalog of sources, schemas, tables, columns and keys, and the connection's recent statements, as queryable tables. */
package io.junctionsql.planner.system;
