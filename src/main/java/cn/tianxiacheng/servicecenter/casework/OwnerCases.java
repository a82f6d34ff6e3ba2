package cn.tianxiacheng.servicecenter.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * A unit's cases as its owner sees them, for the owner channel: the caller names a unit it has
 * verified the signed-in person is on file for, and a case of another unit is unknown. What it
 * shows is the engine's truth at the moment of the call (nothing cached), in plain Chinese, with no
 * staff member's name or login id and only the fields {@link OwnerVisibleFields} allows.
 */
@Service
public class OwnerCases {

	/** A line of the unit's case list. */
	public record CaseLine(String caseNumber, String type, String category, String registeredAt, String status) {
	}

	/**
	 * A case's progress: the open steps, whether a deadline was missed and the manager took it up
	 * (升级督办), the agreed visit, the charges, and the steps done so far, the oldest first.
	 */
	public record Progress(String caseNumber, String type, String category, String registeredAt, String status,
			List<OpenStep> openSteps, boolean escalated, String appointmentAt, List<ChargeLine> charges,
			String chargesTotal, String chargesOutstanding, List<DoneStep> history) {
	}

	/** A step waiting now: the task's name as deployed, the department that holds it, the time it is due by. */
	public record OpenStep(String step, String department, String dueAt) {
	}

	/** A step done, with what of its form the owner sees. */
	public record DoneStep(String step, String doneAt, List<ShownField> fields) {
	}

	public record ShownField(String label, String value) {
	}

	public record ChargeLine(String item, String amount, String status) {
	}

	/** The owner's rating as recorded: {@code reopened} when the score sent the case back to the manager. */
	public record Rating(String caseNumber, int score, boolean reopened) {
	}

	private final ServiceCaseRepository cases;

	private final OwnerCaseProgress progress;

	private final OwnerVisitRatings ratings;

	OwnerCases(ServiceCaseRepository cases, OwnerCaseProgress progress, OwnerVisitRatings ratings) {
		this.cases = cases;
		this.progress = progress;
		this.ratings = ratings;
	}

	/** The unit's cases, the newest first. */
	public List<CaseLine> ofUnit(long unitId) {
		return progress.lines(unitId, cases.findByUnitIdOrderByIdDesc(unitId));
	}

	/** The case's progress; empty for a case that is not the unit's, as for one that does not exist. */
	public Optional<Progress> progress(long unitId, String caseNumber) {
		return cases.findByCaseNumberAndUnitId(caseNumber, unitId).map(progress::of);
	}

	/** Whether the case's return visit awaits the owner's rating now. */
	public boolean pendingVisit(long unitId, String caseNumber) {
		return cases.findByCaseNumberAndUnitId(caseNumber, unitId).flatMap(ratings::visitTask).isPresent();
	}

	/**
	 * The owner rates the return visit (1–5, a comment of up to 200 characters): it completes the
	 * visit reception would otherwise call for; 2 or less reopens the case to the manager. Once per
	 * request id: a retry answers with the first rating.
	 */
	public Rating rateVisit(long unitId, String caseNumber, String requestId, Integer score, String comment) {
		return ratings.rate(unitId, caseNumber, requestId, score, comment);
	}

}
