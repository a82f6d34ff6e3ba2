package cn.tianxiacheng.servicecenter.estate;

import java.util.Comparator;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.UnitViews.UnitDetails;
import cn.tianxiacheng.servicecenter.estate.UnitViews.UnitSummary;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.PageView;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 房屋查询: the units pages of the app, with the same search and masking as the API.
 */
@Controller
class UnitPageController {

	private static final int PAGE_SIZE = 20;

	private final UnitSearch unitSearch;

	private final UnitRepository units;

	private final PersonalDataPolicy personalData;

	private final List<UnitPageSection> sections;

	UnitPageController(UnitSearch unitSearch, UnitRepository units, PersonalDataPolicy personalData,
			List<UnitPageSection> sections) {
		this.unitSearch = unitSearch;
		this.units = units;
		this.personalData = personalData;
		this.sections = sections.stream().sorted(Comparator.comparingInt(UnitPageSection::order)).toList();
	}

	@GetMapping("/units")
	@Transactional(readOnly = true)
	String search(@RequestParam(required = false) Integer building, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
		model.addAttribute("building", building);
		model.addAttribute("q", q);
		if (q != null && q.length() > UnitSearch.MAX_QUERY_LENGTH) {
			model.addAttribute("error", "查询条件过长：最多 " + UnitSearch.MAX_QUERY_LENGTH + " 个字");
			return "units/list";
		}
		PersonalDataMask mask = personalData.forList(Staff.of(authentication));
		PageView<UnitSummary> result = PageView.of(
				unitSearch.find(Staff.of(authentication).estateId(), building, q, Math.max(page, 0), PAGE_SIZE),
				unit -> UnitSummary.of(unit, mask));
		model.addAttribute("result", result);
		return "units/list";
	}

	@GetMapping("/units/{id}")
	/** Not read-only: a read in clear is logged. */
	@Transactional
	String show(@PathVariable long id, Authentication authentication, Model model) {
		Unit unit = units.findByIdAndBuildingEstateId(id, Staff.of(authentication).estateId())
			.orElseThrow(() -> new NotFoundException("房屋不存在：编号 " + id));
		model.addAttribute("unit",
				UnitDetails.of(unit, personalData.forRecord(Staff.of(authentication), "UNIT", unit.getNumber(), "房屋详情页面")));
		model.addAttribute("sections", sections.stream().map(section -> section.of(unit)).toList());
		return "units/details";
	}

}
