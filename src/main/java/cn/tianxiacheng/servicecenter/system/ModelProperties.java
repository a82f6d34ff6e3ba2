package cn.tianxiacheng.servicecenter.system;

import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** A user task's Camunda extension properties ({@code <camunda:property>}), as the models declare them. */
public final class ModelProperties {

	private ModelProperties() {
	}

	public static Optional<String> of(UserTask task, String name) {
		ExtensionElements extensions = task.getExtensionElements();
		if (extensions == null) {
			return Optional.empty();
		}
		return extensions.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.filter(property -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst();
	}

}
