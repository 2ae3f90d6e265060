/**
 * Collective consultation with platforms and companies (集体协商): rounds on named topics with their participants,
 * worker representatives' opinions gathered beforehand from the phone pages (signed in or anonymous, a public
 * post), the agreement or outcome, and the follow-up items of what was agreed with due dates and done marks. A
 * round held counts in the monthly report of the month it was held.
 */
package org.unionplatform.organization.consultation;
