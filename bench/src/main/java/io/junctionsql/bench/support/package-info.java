/** What the benchmark programs share: loading PostgreSQL with COPY, and writing figures and failures in reports. */
package io.junctionsql.bench.support;
