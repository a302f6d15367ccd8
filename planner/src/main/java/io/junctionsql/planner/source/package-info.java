/** Sources: named systems behind one small SPI, each shown in SQL as a top-level schema. */
package io.junctionsql.planner.source;
