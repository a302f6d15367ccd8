/** A program the bundle tests run in a JVM with only the shaded jar: it may use nothing but the JDK. */
package io.junctionsql.bundle.probe;
