/**
 * Protection of personal data: resident ID numbers (居民身份证号码) and mainland mobile numbers.
 * <ul>
 * <li>Requests: {@code @ResidentId String residentId}, {@code @MobilePhone String phone} (with {@code @NotNull}
 * when required); the violation message names the reason, in Chinese for {@code Accept-Language: zh}.</li>
 * <li>Domain: {@link org.unionplatform.common.pii.ResidentIdNumber#parse} and
 * {@link org.unionplatform.common.pii.MobilePhoneNumber#parse} give validated, normalised values whose
 * {@code toString()} and JSON are masked.</li>
 * <li>Storage: embed {@link org.unionplatform.common.pii.ProtectedResidentId} /
 * {@link org.unionplatform.common.pii.ProtectedMobilePhone} from
 * {@link org.unionplatform.common.pii.PersonalDataProtector#protect} in the document, with a unique index on
 * {@code <field>.lookupHash}; find a person with {@code PersonalDataProtector#lookupHash}; decrypt with
 * {@code PersonalDataProtector#reveal} only where the full value is needed.</li>
 * <li>Keys: {@code platform.pii.keys.<id>}, {@code platform.pii.active-key-id}, {@code platform.pii.lookup-key}
 * (base64); without them a service does not start unless {@code platform.pii.allow-generated-dev-keys=true}.</li>
 * <li>Logs: a service's {@code logback-spring.xml} includes
 * {@code org/unionplatform/common/pii/logback/console.xml}.</li>
 * </ul>
 */
package org.unionplatform.common.pii;
