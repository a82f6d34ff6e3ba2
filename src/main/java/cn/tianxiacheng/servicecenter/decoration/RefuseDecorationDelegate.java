package cn.tianxiacheng.servicecenter.decoration;

import java.util.List;

import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 按规定不予受理 ({@code Task_RefuseDecoration}): the rules in force when the papers were complete
 * refuse the works declared; the refusal cites them. Asked again of the rules with the record's
 * scope, so only the table refuses.
 */
@Component
class RefuseDecorationDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationRules rules;

	private final DecorationJournal journal;

	RefuseDecorationDelegate(Decorations decorations, DecorationRules rules, DecorationJournal journal) {
		this.decorations = decorations;
		this.rules = rules;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		List<String> refusals = rules.evaluate(execution.getTenantId(), decoration.applicantRole(), decoration.scope()).refusals();
		if (refusals.isEmpty()) {
			throw new IllegalStateException("规则并不禁止装修 " + decoration.number() + " 的装修范围，不能不予受理");
		}
		String refusal = String.join("；", refusals);
		decorations.recordRefusal(decoration.id(), refusal);
		journal.note(execution, decoration.id(), "不予受理", refusal);
	}

}
