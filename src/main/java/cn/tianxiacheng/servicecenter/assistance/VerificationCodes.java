package cn.tianxiacheng.servicecenter.assistance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * A certificate's verification code: an HMAC-SHA256, keyed with the configured secret, of what
 * the public check shows (number, kind, unit, dates), printed as {@code 3F9A-0C41-B7D2}. Nobody
 * without the secret can make a code that checks, and a code fits only its certificate.
 */
@Component
class VerificationCodes {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int BYTES = 6;

	private final String secret;

	VerificationCodes(AssistanceProperties properties) {
		this.secret = properties.verificationSecret();
	}

	/**
	 * The code; refuses while no secret of 16 characters or more is configured (the certificate's
	 * step then fails visibly, as an incident), so that nobody can compute codes from a known key.
	 */
	String of(String serialNumber, AssistanceKind kind, String unitNumber, LocalDate issuedOn, LocalDate validUntil) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalStateException("证明校验码的密钥未配置：请设置 SERVICECENTER_CERTIFICATE_SECRET（至少 16 个字符）");
		}
		SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			byte[] digest = mac.doFinal(String.join("|", serialNumber, kind.name(), unitNumber, issuedOn.toString(),
					validUntil.toString()).getBytes(StandardCharsets.UTF_8));
			String hex = HexFormat.of().withUpperCase().formatHex(digest, 0, BYTES);
			return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares in constant time, ignoring case, spaces and dashes as people type them. */
	static boolean matches(String expected, String given) {
		return MessageDigest.isEqual(normalized(expected).getBytes(StandardCharsets.US_ASCII),
				normalized(given).getBytes(StandardCharsets.US_ASCII));
	}

	private static String normalized(String code) {
		return code == null ? "" : code.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
	}

}
