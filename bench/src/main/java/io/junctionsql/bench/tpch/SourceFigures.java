package io.junctionsql.bench.tpch;

/**
 * What one source gave a query.
 *
 * @param rows rows read from it (for Delta: rows decoded from the files read)
 * @param bytes bytes read from it, or -1 where the source does not tell (JDBC sources)
 * @param files Delta files read, and of how many the scans considered, or -1 for other sources
 */
record SourceFigures(long rows, long bytes, long files, long filesConsidered) {
  SourceFigures plus(SourceFigures o) {
    return new SourceFigures(rows + o.rows, add(bytes, o.bytes), add(files, o.files),
        add(filesConsidered, o.filesConsidered));
  }

  private static long add(long a, long b) {
    return a < 0 ? b : b < 0 ? a : a + b;
  }
}
