/**
 * The service's typed settings ({@code platform.benefits.*}), its clock (instants in UTC), the named crash points
 * between the steps of its multi-step writes, and the audit entry written once per finished step.
 */
package org.unionplatform.benefits.config;
