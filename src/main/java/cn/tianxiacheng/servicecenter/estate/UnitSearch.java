package cn.tianxiacheng.servicecenter.estate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The one unit search behind the API and the units page, in building, entrance, floor order.
 */
@Component
class UnitSearch {

	static final int MAX_QUERY_LENGTH = 50;

	private static final Sort UNIT_ORDER = Sort.by("building.number", "entrance", "floor", "number");

	private final UnitRepository units;

	UnitSearch(UnitRepository units) {
		this.units = units;
	}

	Page<Unit> find(Integer building, String q, int page, int size) {
		String query = StringUtils.hasText(q) ? q.strip() : null;
		return units.search(building, query, PageRequest.of(page, size, UNIT_ORDER));
	}

}
