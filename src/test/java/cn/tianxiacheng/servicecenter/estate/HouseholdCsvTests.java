package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.tianxiacheng.servicecenter.estate.HouseholdCsv.Arrival;
import cn.tianxiacheng.servicecenter.estate.HouseholdCsv.Known;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.junit.jupiter.api.Test;

/** The households' files as Excel saves them, and as people get them wrong. */
class HouseholdCsvTests {

	private static final Known ESTATE = new Known(Map.of("9-1-101", 7L, "9-1-201", 8L), Set.of("8", "冀A12345"));

	private static final String ID = "11010119800101001" + IdNumbers.checkCharacter("11010119800101001");

	@Test
	void shouldReadColumnsInAnyOrderDatesWithSlashesAndALowerCaseX() {
		String idWithX = idEndingInX();
		String file = "\uFEFF姓名,房号,入住日期,身份证号,手机号,备用电话\r\n" + "张三,9-1-101,2019/5/1," + idWithX.toLowerCase()
				+ ",13812345678,\r\n\r\n";

		List<Arrival> owners = HouseholdCsv.read(HouseholdKind.OWNER, file.getBytes(StandardCharsets.UTF_8), ESTATE);

		assertThat(owners).singleElement().extracting(Arrival::unitId).isEqualTo(7L);
		Owner owner = (Owner) owners.get(0).entity().apply(null);
		assertThat(owner.getIdNumber()).isEqualTo(idWithX);
		assertThat(owner.getMoveInDate()).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(owner.getAlternatePhone()).isNull();
	}

	@Test
	void shouldNameEveryProblemWithoutRepeatingIdNumbersOrPhones() {
		String file = "房号,姓名,身份证号,手机号,租期开始,租期结束\r\n" + "9-9-901,李四," + ID + ",13812345678,2026-01-01,2026-12-31\r\n"
				+ "9-1-101,王五,110101198013010000,1381234,2026-02-30,2025-12-31\r\n";

		assertThatThrownBy(() -> HouseholdCsv.read(HouseholdKind.TENANT, file.getBytes(StandardCharsets.UTF_8), ESTATE))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("第 2 行，房号：本小区没有房号 9-9-901")
			.hasMessageContaining("第 3 行，身份证号：不是有效的 18 位身份证号")
			.hasMessageContaining("第 3 行，手机号：不是有效的电话号码")
			.hasMessageContaining("第 3 行，租期开始：“2026-02-30”不是有效的日期")
			.message()
			.doesNotContain("110101198013010000", "1381234,");
	}

	@Test
	void shouldRefuseWhatIsRegisteredAlreadyAndWhatTheFileRepeats() {
		String owners = "房号,姓名,身份证号,手机号,备用电话,入住日期\r\n9-1-201,赵六," + ID + ",13812345678,,\r\n";
		String vehicles = "房号,车牌号,品牌型号,颜色\r\n9-1-101,冀A12345,大众朗逸,白色\r\n9-1-101,冀B12345,大众朗逸,白色\r\n"
				+ "9-1-201,冀B12345,丰田,黑色\r\n";

		assertThatThrownBy(() -> HouseholdCsv.read(HouseholdKind.OWNER, owners.getBytes(StandardCharsets.UTF_8), ESTATE))
			.hasMessageContaining("第 2 行，房号：该房屋已有业主");
		assertThatThrownBy(() -> HouseholdCsv.read(HouseholdKind.VEHICLE, vehicles.getBytes(StandardCharsets.UTF_8), ESTATE))
			.hasMessageContaining("第 2 行，车牌号：冀A12345 已登记在系统中")
			.hasMessageContaining("第 4 行，车牌号：冀B12345 与第 3 行重复")
			.hasMessageContaining("2 处问题");
	}

	/** An ID number whose check character is X. */
	private static String idEndingInX() {
		for (int n = 0;; n++) {
			String first17 = "11010119800101" + "%03d".formatted(n);
			if (IdNumbers.checkCharacter(first17) == 'X') {
				return first17 + 'X';
			}
		}
	}

}
