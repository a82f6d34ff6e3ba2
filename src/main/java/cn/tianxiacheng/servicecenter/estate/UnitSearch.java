package cn.tianxiacheng.servicecenter.estate;

import jakarta.persistence.criteria.Subquery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one unit search behind the API and the units page, in one estate: by building, and by a text
 * found in the unit number or in an owner's name; in building, entrance, floor order.
 */
@Component
public class UnitSearch {

	public static final int MAX_QUERY_LENGTH = 50;

	private static final Sort UNIT_ORDER = Sort.by("building.number", "entrance", "floor", "number");

	private final UnitRepository units;

	UnitSearch(UnitRepository units) {
		this.units = units;
	}

	public Page<Unit> find(long estateId, Integer building, String q, int page, int size) {
		Specification<Unit> criteria = inEstate(estateId);
		if (building != null) {
			criteria = criteria.and(inBuilding(building));
		}
		if (StringUtils.hasText(q)) {
			criteria = criteria.and(numberOrOwnerNameContains(q.strip()));
		}
		return units.findAll(criteria, PageRequest.of(page, size, UNIT_ORDER));
	}

	private static Specification<Unit> inEstate(long estateId) {
		return (unit, query, cb) -> cb.equal(unit.get("building").get("estate").get("id"), estateId);
	}

	private static Specification<Unit> inBuilding(int building) {
		return (unit, query, cb) -> cb.equal(unit.get("building").get("number"), building);
	}

	private static Specification<Unit> numberOrOwnerNameContains(String text) {
		String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return (unit, query, cb) -> {
			Subquery<Long> owners = query.subquery(Long.class);
			var owner = owners.from(Owner.class);
			owners.select(owner.get("id"))
				.where(cb.equal(owner.get("unit"), unit), cb.like(owner.get("name"), pattern, '\\'));
			return cb.or(cb.like(unit.get("number"), pattern, '\\'), cb.exists(owners));
		};
	}

}
