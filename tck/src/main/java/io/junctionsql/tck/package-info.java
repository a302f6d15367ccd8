/** The conformance suite: SQL scripts (query, expected rows, the SQL each source received) run through every way in. */
package io.junctionsql.tck;
