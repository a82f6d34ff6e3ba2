package cn.tianxiacheng.servicecenter.system;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

/** The estates there are, oldest first; kept by the estate module, read here to know who works where. */
@NamedInterface("security")
public interface EstateDirectory {

	List<EstateRef> all();

	/** The gates the estate has set for itself, if it has (else the company's list applies). */
	Optional<List<String>> gates(long estateId);

	/** The estate's time zone, by its code; none for a code no estate has. */
	Optional<ZoneId> zone(String code);

	/** The estate's business hours, by its code; none for a code no estate has. */
	Optional<EstateHours> hours(String code);

}
