package org.unionplatform.common.pii;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes personal data as its masked string. It is bound with {@code @JsonSerialize} on each type rather than
 * registered as a module, so it applies to every ObjectMapper, including ones a service builds by hand.
 */
public final class MaskedPersonalDataSerializer extends StdSerializer<MaskedPersonalData> {

	public MaskedPersonalDataSerializer() {
		super(MaskedPersonalData.class);
	}

	@Override
	public void serialize(MaskedPersonalData value, JsonGenerator generator, SerializationContext context) {
		generator.writeString(value.masked());
	}

}
