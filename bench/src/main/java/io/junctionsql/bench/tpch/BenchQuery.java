package io.junctionsql.bench.tpch;

/**
 * One query of the workload, with the tables it reads unqualified.
 *
 * @param name {@code q1} .. {@code q22}, or {@code x1}.. for the training-set extractions
 * @param sql its text
 * @param large whether it returns so many rows that results are compared by fingerprint, not row by row
 */
record BenchQuery(String name, String sql, boolean large) {
}
