/** The federated TPC-H workload: data in PostgreSQL and Delta, the queries, and the runner that compares systems. */
package io.junctionsql.bench.tpch;
