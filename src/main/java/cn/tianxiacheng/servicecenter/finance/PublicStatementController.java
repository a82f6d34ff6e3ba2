package cn.tianxiacheng.servicecenter.finance;

import java.util.List;

import cn.tianxiacheng.servicecenter.finance.FeeReports.Statement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 收支公示: the statements the manager of each estate published, for its owners, without a login:
 * the estate named by its code ({@code /public/statements?estate=TXC}), chosen from the list of
 * estates when none is named and there are several.
 */
@Controller
class PublicStatementController {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final EstateDirectory estates;

	PublicStatementController(JdbcTemplate jdbc, ObjectMapper json, EstateDirectory estates) {
		this.jdbc = jdbc;
		this.json = json;
		this.estates = estates;
	}

	@GetMapping("/public/statements")
	String statements(@RequestParam(required = false) String estate, Model model) {
		List<EstateRef> all = estates.all();
		model.addAttribute("estates", all);
		EstateRef shown = estate == null ? (all.size() == 1 ? all.get(0) : null)
				: all.stream().filter(candidate -> candidate.code().equals(estate)).findFirst()
					.orElseThrow(() -> new NotFoundException("没有这个小区的收支公示"));
		if (shown != null) {
			model.addAttribute("estate", shown);
			model.addAttribute("statements", jdbc.query(
					"select content from published_statement where estate_id = ? order by period desc",
					(rs, i) -> read(rs.getString(1)), shown.id()));
		}
		return "public/statements";
	}

	private Statement read(String content) {
		try {
			return json.readValue(content, Statement.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
