/**
 * The public place-name picker of the forms, over the places platform-common ships as data
 * ({@code org.unionplatform.common.reference.Places}; docs/places.md says which and from when).
 */
package org.unionplatform.organization.place;
