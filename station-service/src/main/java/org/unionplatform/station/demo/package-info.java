/** The demo stations and their 60 days of visit history, loaded when {@code platform.demo-data.enabled=true}. */
package org.unionplatform.station.demo;
