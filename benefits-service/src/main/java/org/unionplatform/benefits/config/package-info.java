/** The service's typed settings ({@code platform.benefits.*}) and its clock (instants in UTC). */
package org.unionplatform.benefits.config;
