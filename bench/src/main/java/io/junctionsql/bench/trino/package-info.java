/** The opt-in Trino baseline's end-to-end check: one federated join answered by Trino and by PostgreSQL. */
package io.junctionsql.bench.trino;
