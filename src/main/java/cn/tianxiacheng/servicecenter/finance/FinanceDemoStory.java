package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import org.springframework.stereotype.Component;

/**
 * The demo's books: the cashier enters each month's expenses on its last days; the manager
 * publishes each month's income and expense statement to the owners on the 5th of the next.
 */
@Component
class FinanceDemoStory implements DemoStory {

	private static final String[][] MONTHLY = { { "人员费用", "186000", "服务中心及各部门工资、社保" },
			{ "公共能耗", "32800", "公共区域照明、电梯、水泵电费" }, { "清洁绿化", "21500", "保洁耗材、绿化养护" },
			{ "维修养护", "14600", "共用设施设备日常维修" }, { "秩序维护", "9800", "监控、门禁维护" }, { "办公费用", "3200", "办公用品、通讯" } };

	private final Expenses expenses;

	FinanceDemoStory(Expenses expenses) {
		this.expenses = expenses;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		YearMonth month = YearMonth.from(day);
		if (day.getDayOfMonth() == month.lengthOfMonth() - 1) {
			timeline.at(day, LocalTime.of(15, 0), () -> timeline.as("cashier", () -> {
				for (String[] expense : MONTHLY) {
					BigDecimal amount = new BigDecimal(expense[1])
						.add(BigDecimal.valueOf(timeline.random().nextInt(2000)));
					expenses.enter(UUID.randomUUID().toString(), timeline.staff().estateId(), month, expense[0], amount,
							expense[2], "cashier");
				}
				return null;
			}));
		}
		if (day.getDayOfMonth() == 5) {
			timeline.at(day, LocalTime.of(10, 0), () -> timeline.as("manager", () -> {
				expenses.publish(timeline.staff().estateId(), month.minusMonths(1), "manager");
				return null;
			}));
		}
	}

}
