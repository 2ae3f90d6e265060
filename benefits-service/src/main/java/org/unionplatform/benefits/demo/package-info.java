/** The seed's benefit programs, loaded into an empty database when demo data is enabled. */
package org.unionplatform.benefits.demo;
