package cn.tianxiacheng.servicecenter.owner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.PhonesOnFile;
import cn.tianxiacheng.servicecenter.estate.PhonesOnFile.UnitOnFile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time codes: asked for by number, kept as salted hashes only, each good for one sign-in
 * within its validity and its tries. A number not on file is answered and counted as one on file,
 * but no code is made or sent. Only a number's latest code counts.
 */
@Component
class LoginCodes {

	enum Requested {

		/** A code went out if the number is on file: the caller is not told which. */
		SENT_IF_ON_FILE, NUMBER_LIMIT, ADDRESS_LIMIT, NO_SENDER

	}

	enum Outcome {

		/** A wrong code; with no tries left, the code is dead. */
		SIGNED_IN, WRONG, DEAD, ADDRESS_LIMIT

	}

	record Verdict(Outcome outcome, int triesLeft, List<UnitOnFile> units) {

		static Verdict of(Outcome outcome) {
			return new Verdict(outcome, 0, List.of());
		}

	}

	private record Code(long id, String codeHash, String salt) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final PhonesOnFile phones;

	private final ObjectProvider<CodeSender> sender;

	private final OwnerProperties properties;

	private final Clock clock;

	LoginCodes(JdbcTemplate jdbc, PhonesOnFile phones, ObjectProvider<CodeSender> sender, OwnerProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.phones = phones;
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Requested request(String phone, String client) {
		CodeSender codeSender = sender.getIfAvailable();
		if (codeSender == null) {
			return Requested.NO_SENDER;
		}
		Instant now = clock.instant();
		Timestamp since = Timestamp.from(now.minus(properties.window()));
		if (count("select count(*) from owner_login_code where client_address = ? and created_at > ?", client,
				since) >= properties.codesPerAddress()) {
			return Requested.ADDRESS_LIMIT;
		}
		String phoneHash = phoneHash(phone);
		if (count("select count(*) from owner_login_code where phone_hash = ? and created_at > ?", phoneHash,
				since) >= properties.codesPerNumber()) {
			return Requested.NUMBER_LIMIT;
		}
		boolean onFile = !phones.unitsOf(phone, LocalDate.now(clock)).isEmpty();
		String salt = HexFormat.of().formatHex(randomBytes(16));
		String code = onFile ? "%06d".formatted(RANDOM.nextInt(1_000_000)) : null;
		jdbc.update("""
				insert into owner_login_code (phone_hash, code_hash, salt, client_address, created_at, expires_at, tries)
				values (?, ?, ?, ?, ?, ?, 0)""", phoneHash, code == null ? null : codeHash(salt, phone, code), salt,
				client, Timestamp.from(now), Timestamp.from(now.plus(properties.codeValidity())));
		if (code != null) {
			codeSender.send(phone, code, properties.codeValidity());
		}
		return Requested.SENT_IF_ON_FILE;
	}

	/**
	 * Takes one try of the number's latest code before comparing, so tries made at once cannot
	 * outnumber the allowance; the code that matches is used up.
	 */
	@Transactional
	Verdict verify(String phone, String code, String client) {
		Instant now = clock.instant();
		if (count("select count(*) from owner_login_failure where client_address = ? and failed_at > ?", client,
				Timestamp.from(now.minus(properties.window()))) >= properties.failuresPerAddress()) {
			return Verdict.of(Outcome.ADDRESS_LIMIT);
		}
		Optional<Code> latest = jdbc.query("""
				select id, code_hash, salt from owner_login_code where phone_hash = ?
				 order by id desc fetch first 1 rows only""",
				(rs, i) -> new Code(rs.getLong(1), rs.getString(2), rs.getString(3)), phoneHash(phone))
			.stream()
			.findFirst();
		if (latest.isEmpty() || jdbc.update("""
				update owner_login_code set tries = tries + 1
				 where id = ? and used_at is null and expires_at > ? and tries < ?""", latest.get().id(),
				Timestamp.from(now), properties.triesPerCode()) == 0) {
			return Verdict.of(Outcome.DEAD);
		}
		Code live = latest.get();
		if (live.codeHash() != null && MessageDigest.isEqual(bytes(live.codeHash()),
				bytes(codeHash(live.salt(), phone, code)))) {
			jdbc.update("update owner_login_code set used_at = ? where id = ?", Timestamp.from(now), live.id());
			List<UnitOnFile> units = phones.unitsOf(phone, LocalDate.now(clock));
			if (!units.isEmpty()) {
				return new Verdict(Outcome.SIGNED_IN, 0, units);
			}
		}
		jdbc.update("insert into owner_login_failure (client_address, failed_at) values (?, ?)", client,
				Timestamp.from(now));
		int tries = jdbc.queryForObject("select tries from owner_login_code where id = ?", Integer.class, live.id());
		return new Verdict(Outcome.WRONG, Math.max(0, properties.triesPerCode() - tries), List.of());
	}

	/** The number's key: the same person, whichever units they hold. */
	static String phoneHash(String phone) {
		return sha256("owner-phone:" + phone);
	}

	private static String codeHash(String salt, String phone, String code) {
		return sha256(salt + ":" + phone + ":" + code);
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
