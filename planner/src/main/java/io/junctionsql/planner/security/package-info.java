/** Who runs a statement, and what the gateway's policy lets that identity read. */
package io.junctionsql.planner.security;
