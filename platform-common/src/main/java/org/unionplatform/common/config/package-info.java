/**
 * The platform's shared defaults ({@code platform-defaults.yml}), added below every service's own configuration so
 * that a service's application.yml and the environment still win.
 */
package org.unionplatform.common.config;
