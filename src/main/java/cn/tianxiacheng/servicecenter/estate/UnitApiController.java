package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.estate.UnitViews.UnitDetails;
import cn.tianxiacheng.servicecenter.estate.UnitViews.UnitSummary;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.PageView;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the estate's units: search by unit number or owner name, and one unit with its
 * people and vehicles. Personal data is masked by the caller's groups.
 */
@RestController
@RequestMapping("/api/units")
class UnitApiController {

	private final UnitSearch unitSearch;

	private final UnitRepository units;

	private final PersonalDataPolicy personalData;

	UnitApiController(UnitSearch unitSearch, UnitRepository units, PersonalDataPolicy personalData) {
		this.unitSearch = unitSearch;
		this.units = units;
		this.personalData = personalData;
	}

	@GetMapping
	@Transactional(readOnly = true)
	PageView<UnitSummary> search(@RequestParam(required = false) @Min(value = 1, message = "楼栋号必须是正整数") Integer building,
			@RequestParam(required = false) @Size(max = UnitSearch.MAX_QUERY_LENGTH,
					message = "查询条件过长：最多 " + UnitSearch.MAX_QUERY_LENGTH + " 个字") String q,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能小于 0") int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "每页条数至少为 1")
			@Max(value = 100, message = "每页条数最多为 100") int size,
			Authentication authentication) {
		PersonalDataMask mask = personalData.forList(Staff.of(authentication));
		return PageView.of(unitSearch.find(Staff.of(authentication).estateId(), building, q, page, size), unit -> UnitSummary.of(unit, mask));
	}

	@GetMapping("/{id}")
	/** Not read-only: a read in clear is logged. */
	@Transactional
	UnitDetails show(@PathVariable long id, Authentication authentication) {
		Unit unit = units.findByIdAndBuildingEstateId(id, Staff.of(authentication).estateId())
			.orElseThrow(() -> new NotFoundException("房屋不存在：编号 " + id));
		return UnitDetails.of(unit, personalData.forRecord(Staff.of(authentication), "UNIT", unit.getNumber(), "房屋接口查询"));
	}

}
