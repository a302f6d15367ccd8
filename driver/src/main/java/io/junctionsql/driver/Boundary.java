package io.junctionsql.driver;

import io.junctionsql.planner.runtime.ErrorTranslator;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

/**
 * The JDBC boundary around one engine object: every failure leaves as an {@link SQLException} with a
 * SQLState and a scrubbed message, and every JDBC object handed out is wrapped the same way, so
 * that {@code getConnection()} and {@code getStatement()} lead back to Junction's own objects.
 */
abstract class Boundary implements InvocationHandler {
  final Object target;
  final ErrorTranslator errors;

  Boundary(Object target, ErrorTranslator errors) {
    this.target = target;
    this.errors = errors;
  }

  /** Handles the methods this kind of object treats specially; returns {@link #DELEGATE} for the rest. */
  abstract Object special(Object proxy, Method method, Object[] args) throws Throwable;

  /** The Junction connection proxy this object belongs to. */
  abstract Object connectionProxy();

  static final Object DELEGATE = new Object();

  @Override public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
    case "equals":
      return proxy == args[0];
    case "hashCode":
      return System.identityHashCode(proxy);
    case "toString":
      return "Junction " + method.getDeclaringClass().getSimpleName() + " over " + target;
    case "unwrap":
      if (((Class<?>) args[0]).isInstance(proxy)) {
        return proxy;
      }
      break;
    case "isWrapperFor":
      if (((Class<?>) args[0]).isInstance(proxy)) {
        return true;
      }
      break;
    default:
      break;
    }
    Object handled = special(proxy, method, args);
    if (handled != DELEGATE) {
      return handled;
    }
    return wrapResult(proxy, call(method, args));
  }

  Object call(Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw translate(method, e.getCause());
    } catch (IllegalAccessException e) {
      throw new SQLException("Internal error in Junction: " + e, "XX000", e);
    }
  }

  SQLException translate(Method method, Throwable failure) {
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure instanceof SQLFeatureNotSupportedException) {
      return new SQLFeatureNotSupportedException("Junction does not support " + method.getDeclaringClass()
          .getSimpleName() + "." + method.getName() + "()", "0A000");
    }
    return errors.translate(failure);
  }

  /** Wraps result sets, statements and metadata objects; returns everything else as it is. */
  Object wrapResult(Object proxy, Object result) {
    if (result instanceof ResultSet) {
      Statement statement = proxy instanceof Statement ? (Statement) proxy : null;
      return new JunctionResultSet((ResultSet) result, errors, statement);
    }
    if (result instanceof DatabaseMetaData) {
      return wrap(DatabaseMetaData.class, new MetaDataBoundary(result, errors, connectionProxy()));
    }
    return result;
  }

  static Object wrap(Class<?> type, Boundary handler) {
    Class<?>[] interfaces = type == PreparedStatement.class
        ? new Class<?>[] {PreparedStatement.class, JunctionStatement.class}
        : new Class<?>[] {type};
    return Proxy.newProxyInstance(Boundary.class.getClassLoader(), interfaces, handler);
  }

  /**
   * Database metadata: leads back to its connection, and answers the catalog calls from Junction's
   * {@code junction} schema, where the JDBC catalog is the source and the JDBC schema the source's schema.
   */
  static final class MetaDataBoundary extends Boundary {
    private final Object connection;

    MetaDataBoundary(Object target, ErrorTranslator errors, Object connection) {
      super(target, errors);
      this.connection = connection;
    }

    @Override Object special(Object proxy, Method method, Object[] args) throws SQLException {
      int n = args == null ? 0 : args.length;
      switch (method.getName()) {
      case "getConnection":
        return connection;
      case "getCatalogs":
        return query(CatalogQueries.catalogs());
      case "getSchemas":
        return query(n == 0 ? CatalogQueries.schemas(null, null)
            : CatalogQueries.schemas((String) args[0], (String) args[1]));
      case "getTables":
        return query(CatalogQueries.tables((String) args[0], (String) args[1], (String) args[2],
            (String[]) args[3]));
      case "getColumns":
        return query(CatalogQueries.columns((String) args[0], (String) args[1], (String) args[2],
            (String) args[3]));
      case "getPrimaryKeys":
        return query(CatalogQueries.primaryKeys((String) args[0], (String) args[1], (String) args[2]));
      case "getImportedKeys":
        return query(CatalogQueries.importedKeys((String) args[0], (String) args[1], (String) args[2]));
      case "getExportedKeys":
        return query(CatalogQueries.exportedKeys((String) args[0], (String) args[1], (String) args[2]));
      case "getSearchStringEscape":
        return "\\";
      case "getCatalogTerm":
        return "source";
      case "getCatalogSeparator":
        return ".";
      case "isCatalogAtStart":
      case "supportsCatalogsInDataManipulation":
      case "supportsSchemasInDataManipulation":
      case "isReadOnly":
        return true;
      default:
        return DELEGATE;
      }
    }

    private ResultSet query(String sql) throws SQLException {
      Statement s = ((java.sql.Connection) connection).createStatement();
      try {
        s.closeOnCompletion();
        return s.executeQuery(sql);
      } catch (SQLException | RuntimeException e) {
        s.close();
        throw e;
      }
    }

    @Override Object connectionProxy() {
      return connection;
    }
  }
}
