package cn.tianxiacheng.servicecenter.release;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The signature printed on a pass: HMAC-SHA256 of the pass number under the server's secret,
 * its first 10 bytes as 20 hexadecimal digits (enough that nobody guesses one at a gate, short
 * enough to type). Only the server can sign; the gate check verifies it.
 */
@Component
class PassSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int BYTES = 10;

	private final SecretKeySpec key;

	PassSignature(ReleaseProperties properties) {
		if (properties.secret() == null || properties.secret().length() < 16) {
			throw new IllegalStateException("servicecenter.release.secret must be set, at least 16 characters");
		}
		this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	String of(String passNumber) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			byte[] full = mac.doFinal(passNumber.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().withUpperCase().formatHex(full, 0, BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the signature is the pass's; spaces, dashes and case do not matter; compared in constant time. */
	boolean matches(String passNumber, String signature) {
		String typed = signature == null ? "" : signature.replaceAll("[\\s-]", "").toUpperCase();
		return MessageDigest.isEqual(of(passNumber).getBytes(StandardCharsets.US_ASCII),
				typed.getBytes(StandardCharsets.US_ASCII));
	}

}
