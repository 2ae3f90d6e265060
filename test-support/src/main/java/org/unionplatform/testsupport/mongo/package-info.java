/**
 * Index coverage: {@link org.unionplatform.testsupport.mongo.QueryShapes} records the shape of every query the
 * services send in a test run, {@link org.unionplatform.testsupport.mongo.IndexCoverage} checks each against the
 * indexes the database lists.
 */
package org.unionplatform.testsupport.mongo;
