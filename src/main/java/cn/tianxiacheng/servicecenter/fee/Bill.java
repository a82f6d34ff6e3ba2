package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.model.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 账单: what a unit owes for one fee item and period. Never changed: a wrong bill is reversed.
 * Monthly billing writes bills in batches with JDBC ({@link BillWriter}); this entity reads them.
 */
@Entity
public class Bill extends BaseEntity {

	private Long unitId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private FeeItem feeItem;

	private String period;

	private String subject;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private BigDecimal amount;

	private LocalDate dueDate;

	private String description;

	private Instant issuedAt;

	private String issuedBy;

	protected Bill() {
	}

	public Long getUnitId() {
		return unitId;
	}

	public FeeItem getFeeItem() {
		return feeItem;
	}

	public String getPeriod() {
		return period;
	}

	public String getSubject() {
		return subject;
	}

	public LocalDate getPeriodStart() {
		return periodStart;
	}

	public LocalDate getPeriodEnd() {
		return periodEnd;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public String getDescription() {
		return description;
	}

	public Instant getIssuedAt() {
		return issuedAt;
	}

	public String getIssuedBy() {
		return issuedBy;
	}

}
