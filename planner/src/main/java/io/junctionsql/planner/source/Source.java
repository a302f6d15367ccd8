package io.junctionsql.planner.source;

import org.apache.calcite.schema.Schema;

/**
 * A named system that holds data: a database, a Datasphere space, a folder of Delta tables. One
 * instance serves every connection of a gateway; it owns the connection pool and the metadata cache.
 */
public interface Source extends AutoCloseable {
  /** The name users write in SQL: the top-level schema. */
  String name();

  /** The config kind, such as {@code jdbc}. */
  String kind();

  /** The schema this source shows to one connection, recording what it sends into {@code session}. */
  Schema schema(SourceSession session);

  /** A short description for the catalog, such as the product and version; reads nothing if unknown. */
  String describe();

  /**
   * Contacts the source now, bypassing every cache, and throws what stops it from answering: a
   * server's readiness check. Uncached on purpose: a source that went away must not look healthy.
   */
  void check() throws Exception;

  @Override void close();
}
