package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.tianxiacheng.servicecenter.system.ModelProperties;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;

/**
 * The house rules of every model in {@code processes/}, read with the Camunda BPMN Model API:
 * the process id is the file name, history has a time to live, every user task goes to a staff
 * group that exists and has a form that exists in {@code forms/}, every delegate expression
 * names a bean of the application, every element is named in Chinese and drawn in the diagram,
 * and every approval says who may not give it (four eyes, read by the engine guard).
 * A deliberately broken model shows that each rule can fail.
 */
class ProcessModelTests {

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

	private static final Set<String> BEANS = applicationBeanNames();

	private static final Set<String> FORMS = formIds(Path.of("forms"));

	/** Names and forms of tasks that decide on someone's request: approvals, whatever the process. */
	private static final Pattern APPROVAL_TASK = Pattern.compile("审批|批准|审核|approve");

	/**
	 * Every approval, by model and task, with the variable naming the one person who may not give
	 * it (besides whoever started the process): a new approval fails here until it is listed and declared.
	 */
	private static final Map<String, String> APPROVALS = Map.ofEntries(
			Map.entry("ArchiveAccessProcess/Task_ApproveAccess", "requestedBy"),
			Map.entry("ArchiveChangeProcess/Task_ApproveChange", "requestedBy"),
			Map.entry("AssistanceRequestProcess/Task_ApproveSeal", "requestedBy"),
			Map.entry("DecorationApprovalProcess/Task_EngineeringReview", "requestedBy"),
			Map.entry("DecorationApprovalProcess/Task_ManagerApproval", "requestedBy"),
			Map.entry("DecorationApprovalProcess/Task_ReviewExtension", "requestedBy"),
			Map.entry("GoodsReleaseProcess/Task_ReviewRequest", "requestedBy"),
			Map.entry("GoodsReleaseProcess/Task_DecideMoveOut", "requestedBy"),
			Map.entry("RepairPlanProcess/Task_ReviewPlan", "requestedBy"),
			Map.entry("StaffEvaluationProcess/Task_SupervisorScores", "staffId"),
			Map.entry("StaffEvaluationProcess/Task_DecideAppeal", "staffId"),
			Map.entry("StaffEvaluationProcess/Task_DirectorApproves", "staffId"));

	/** The variables the application sets at start with a staff member's login id. */
	private static final Set<String> REQUESTER_VARIABLES = Set.of("requestedBy", "staffId");

	/** Tasks only the person the model assigns them to may answer. */
	private static final Set<String> PERSONAL_TASKS = Set.of("StaffEvaluationProcess/Task_StaffConfirms");

	@Test
	void shouldKeepTheHouseRulesInEveryModel() throws IOException {
		List<Path> models;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
		}
		assertThat(models).hasSizeGreaterThanOrEqualTo(10);
		for (Path model : models) {
			assertThat(violations(model)).as(model.toString()).isEmpty();
		}
	}

	@Test
	void shouldListEveryApprovalOfTheModels() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				String process = file.getFileName().toString().replace(".bpmn", "");
				model.getModelElementsByType(UserTask.class)
					.stream()
					.filter(task -> ModelProperties.of(task, "approval").isPresent())
					.forEach(task -> found.add(process + "/" + task.getId()));
			}
		}

		assertThat(found).containsExactlyInAnyOrderElementsOf(APPROVALS.keySet());
	}

	@Test
	void shouldFindAnApprovalWithoutFourEyes() {
		List<String> violations = violations(Path.of("src/test/resources/broken-models/BrokenApprovals.bpmn"));

		assertThat(violations).anyMatch(v -> v.contains("Task_SelfApproval") && v.contains("four eyes"))
			.anyMatch(v -> v.contains("Task_UnknownRequester") && v.contains("unknown requester"))
			.anyMatch(v -> v.contains("Task_NobodyNamed") && v.contains("personal"));
	}

	@Test
	void shouldFindEveryBrokenRuleInABrokenModel() {
		List<String> violations = violations(Path.of("src/test/resources/broken-models/BrokenProcess.bpmn"));

		assertThat(violations).anyMatch(v -> v.contains("process id"))
			.anyMatch(v -> v.contains("historyTimeToLive"))
			.anyMatch(v -> v.contains("candidate group"))
			.anyMatch(v -> v.contains("form"))
			.anyMatch(v -> v.contains("no bean"))
			.anyMatch(v -> v.contains("Chinese name"))
			.anyMatch(v -> v.contains("not drawn"));
	}

	static List<String> violations(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		String fileName = file.getFileName().toString().replace(".bpmn", "");
		List<String> violations = new ArrayList<>();
		Set<String> drawn = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map(shape -> shape.getBpmnElement().getId())
			.collect(Collectors.toSet());
		drawn.addAll(model.getModelElementsByType(BpmnEdge.class)
			.stream()
			.map(edge -> edge.getBpmnElement().getId())
			.toList());
		for (Process process : model.getModelElementsByType(Process.class)) {
			if (!process.getId().equals(fileName)) {
				violations.add("process id " + process.getId() + " is not the file name " + fileName);
			}
			if (process.getCamundaHistoryTimeToLiveString() == null) {
				violations.add(process.getId() + " has no historyTimeToLive");
			}
			if (!isChinese(process.getName())) {
				violations.add(process.getId() + " has no Chinese name");
			}
		}
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			if (!isChinese(node.getName())) {
				violations.add(node.getId() + " has no Chinese name");
			}
			if (!drawn.contains(node.getId())) {
				violations.add(node.getId() + " is not drawn in the diagram");
			}
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			if (!drawn.contains(flow.getId())) {
				violations.add(flow.getId() + " is not drawn in the diagram");
			}
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			checkFourEyes(fileName + "/" + task.getId(), task, violations);
			checkCandidateGroups(task, violations);
			String form = task.getCamundaFormRef();
			if (form == null || !FORMS.contains(form)) {
				violations.add(task.getId() + " has no form in forms/ (" + form + ")");
			}
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			if (start.getCamundaFormRef() != null && !FORMS.contains(start.getCamundaFormRef())) {
				violations.add(start.getId() + " names a form not in forms/: " + start.getCamundaFormRef());
			}
		}
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			checkBean(task, task.getCamundaDelegateExpression(), violations);
		}
		for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
			if (task.getCamundaDecisionRef() == null) {
				violations.add(task.getId() + " calls no decision");
			}
		}
		return violations;
	}

	private static void checkFourEyes(String name, UserTask task, List<String> violations) {
		String approval = ModelProperties.of(task, "approval").orElse(null);
		boolean looksLikeOne = APPROVAL_TASK.matcher(task.getName() + " " + task.getCamundaFormRef()).find();
		if (looksLikeOne && !APPROVALS.containsKey(name)
				|| APPROVALS.containsKey(name) && !Objects.equals(approval, APPROVALS.get(name))) {
			violations.add(name + " is an approval without four eyes: list it in APPROVALS and declare "
					+ "<camunda:property name=\"approval\" value=\"…\"/> (declared: " + approval + ")");
		}
		if (approval != null && !REQUESTER_VARIABLES.contains(approval)) {
			violations.add(name + " names an unknown requester variable: " + approval);
		}
		String personal = ModelProperties.of(task, "personal").orElse(null);
		if (PERSONAL_TASKS.contains(name) != "true".equals(personal) || personal != null && !"true".equals(personal)) {
			violations.add(name + " declares personal=" + personal + " but is " + (PERSONAL_TASKS.contains(name) ? "" : "not ")
					+ "listed in PERSONAL_TASKS");
		}
		if ("true".equals(personal) && task.getCamundaAssignee() == null) {
			violations.add(name + " is personal but names nobody (camunda:assignee)");
		}
	}

	private static void checkCandidateGroups(UserTask task, List<String> violations) {
		String groups = task.getCamundaCandidateGroups();
		if (groups == null || groups.isBlank()) {
			violations.add(task.getId() + " has no candidate group");
			return;
		}
		Set<String> known = Arrays.stream(StaffGroup.values()).map(StaffGroup::id).collect(Collectors.toSet());
		for (String group : groups.split(",")) {
			String id = group.strip();
			if (!id.startsWith("${") && !known.contains(id)) {
				violations.add(task.getId() + " has a candidate group that does not exist: " + id);
			}
		}
	}

	private static void checkBean(BaseElement task, String expression, List<String> violations) {
		var bean = expression == null ? null : BEAN_EXPRESSION.matcher(expression);
		if (bean == null || !bean.matches()) {
			violations.add(task.getId() + " is not a delegate bean called by expression");
		}
		else if (!BEANS.contains(bean.group(1))) {
			violations.add(task.getId() + " calls " + bean.group(1) + ": no bean of that name");
		}
	}

	private static boolean isChinese(String name) {
		return name != null && CHINESE.matcher(name).find();
	}

	/** The names of the application's components, as Spring names them. */
	private static Set<String> applicationBeanNames() {
		var scanner = new ClassPathScanningCandidateComponentProvider(true);
		var names = new AnnotationBeanNameGenerator();
		var registry = new SimpleBeanDefinitionRegistry();
		return scanner.findCandidateComponents(ServiceCenterApplication.class.getPackageName())
			.stream()
			.map(candidate -> names.generateBeanName((AnnotatedBeanDefinition) candidate, registry))
			.collect(Collectors.toSet());
	}

	private static Set<String> formIds(Path folder) {
		File[] files = folder.toFile().listFiles((dir, name) -> name.endsWith(".form"));
		return files == null ? Set.of()
				: Arrays.stream(files).map(f -> f.getName().replace(".form", "")).collect(Collectors.toSet());
	}

}
