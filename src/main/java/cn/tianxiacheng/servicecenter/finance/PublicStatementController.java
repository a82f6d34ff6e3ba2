package cn.tianxiacheng.servicecenter.finance;

import java.util.List;

import cn.tianxiacheng.servicecenter.finance.FeeReports.Statement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 收支公示: the statements the manager published, for owners, without a login.
 */
@Controller
class PublicStatementController {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	PublicStatementController(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@GetMapping("/public/statements")
	String statements(Model model) {
		List<Statement> statements = jdbc.query("select content from published_statement order by period desc",
				(rs, i) -> read(rs.getString(1)));
		model.addAttribute("statements", statements);
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
