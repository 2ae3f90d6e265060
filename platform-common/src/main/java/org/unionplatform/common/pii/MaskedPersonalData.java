package org.unionplatform.common.pii;

/**
 * Personal data that has a masked form safe to show, log and send. Every PII type implements it, and the
 * {@link MaskedPersonalDataSerializer} writes only {@link #masked()}, so no response can carry the full value.
 */
public interface MaskedPersonalData {

	/** The masked form, e.g. {@code 110***********002X} or {@code 138****5678}. */
	String masked();

}
