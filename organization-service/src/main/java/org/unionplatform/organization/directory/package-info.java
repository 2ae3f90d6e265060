/**
 * The public union directory ("find the union online"): each union's name, kind, place, office address and phone,
 * platforms and how to join, searched by place (a division code or a place name) and platform without signing in;
 * and the organizer's entry of those contact details. The stations a union runs are station-service's to list.
 */
package org.unionplatform.organization.directory;
