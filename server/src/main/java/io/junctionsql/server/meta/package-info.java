/** Avatica's server-side Meta over Junction connections: who owns what, and how much may run at once. */
package io.junctionsql.server.meta;
