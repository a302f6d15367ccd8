package io.junctionsql.planner.optimizer;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.tools.RelRunner;

import java.util.List;

/**
 * Where unqualified table names resolve. Calcite keeps {@code Connection.setSchema} as one name, but a
 * Junction schema is two deep ({@code source.schema}): a default schema {@code "pg.public"} that names no
 * top-level schema is read as the path {@code [pg, public]}, so that {@code SELECT * FROM t1} finds
 * {@code pg.public.t1}. A top-level schema of that exact name wins; only the first dot splits, since a
 * Delta schema may hold dots itself ({@code lake.a.b} is schema {@code a.b} of source {@code lake}).
 */
final class DefaultSchema {
  private DefaultSchema() {
  }

  /** The context with its default schema path split as above, or the context itself when nothing changes. */
  static CalcitePrepare.Context resolve(CalcitePrepare.Context context) {
    List<String> path = context.getDefaultSchemaPath();
    List<String> resolved = path(context.getRootSchema(), path);
    return resolved.equals(path) ? context : new Resolved(context, resolved);
  }

  static List<String> path(CalciteSchema root, List<String> path) {
    if (path.size() != 1) {
      return path;
    }
    String name = path.get(0);
    int dot = name.indexOf('.');
    if (dot <= 0 || dot == name.length() - 1 || root.getSubSchema(name, false) != null) {
      return path;
    }
    return List.of(name.substring(0, dot), name.substring(dot + 1));
  }

  /** Calcite's context with another default schema path; everything else is the original's. */
  private static final class Resolved implements CalcitePrepare.Context {
    private final CalcitePrepare.Context base;
    private final List<String> path;

    Resolved(CalcitePrepare.Context base, List<String> path) {
      this.base = base;
      this.path = path;
    }

    @Override public List<String> getDefaultSchemaPath() {
      return path;
    }

    @Override public JavaTypeFactory getTypeFactory() {
      return base.getTypeFactory();
    }

    @Override public CalciteSchema getRootSchema() {
      return base.getRootSchema();
    }

    @Override public CalciteSchema getMutableRootSchema() {
      return base.getMutableRootSchema();
    }

    @Override public CalciteConnectionConfig config() {
      return base.config();
    }

    @Override public CalcitePrepare.SparkHandler spark() {
      return base.spark();
    }

    @Override public DataContext getDataContext() {
      return base.getDataContext();
    }

    @Override public List<String> getObjectPath() {
      return base.getObjectPath();
    }

    @Override public RelRunner getRelRunner() {
      return base.getRelRunner();
    }
  }
}
