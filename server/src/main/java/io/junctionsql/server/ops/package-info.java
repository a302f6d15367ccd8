/** What operators see of a running server: metrics, the audit log and the sources' health. */
package io.junctionsql.server.ops;
