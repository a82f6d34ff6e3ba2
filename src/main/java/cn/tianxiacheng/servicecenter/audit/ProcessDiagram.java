package cn.tianxiacheng.servicecenter.audit;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a deployed process as SVG from its own diagram (BPMN DI), with the path a case took:
 * steps it passed in green, the step it waits at in orange, flows between passed steps in green.
 * Drawn by the app so that the auditor's page needs no script from outside (no bpmn-js webjar is
 * published to Maven Central, and the Camunda webapps' copy is internal to their bundles).
 */
@Component
class ProcessDiagram {

	private static final int MARGIN = 20;

	private final RepositoryService repositoryService;

	ProcessDiagram(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	String svg(String processDefinitionId, Set<String> visited, Set<String> current) {
		BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
		Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
		Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
		double minX = Double.MAX_VALUE;
		double minY = Double.MAX_VALUE;
		double maxX = 0;
		double maxY = 0;
		for (BpmnShape shape : shapes) {
			Bounds b = shape.getBounds();
			minX = Math.min(minX, b.getX());
			minY = Math.min(minY, b.getY());
			maxX = Math.max(maxX, b.getX() + b.getWidth());
			maxY = Math.max(maxY, b.getY() + b.getHeight() + 30);
		}
		// a flow may run outside every shape (above the first row, around the last)
		for (BpmnEdge edge : edges) {
			for (Waypoint point : edge.getWaypoints()) {
				minX = Math.min(minX, point.getX());
				minY = Math.min(minY, point.getY());
				maxX = Math.max(maxX, point.getX());
				maxY = Math.max(maxY, point.getY());
			}
		}
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-diagram\" viewBox=\"")
			.append(num(minX - MARGIN)).append(' ').append(num(minY - MARGIN)).append(' ')
			.append(num(maxX - minX + 2 * MARGIN)).append(' ').append(num(maxY - minY + 2 * MARGIN))
			.append("\" font-family=\"sans-serif\" font-size=\"12\">")
			.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
					+ " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#868e96\"/></marker>"
					+ "<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
					+ " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#2f9e44\"/></marker></defs>");
		for (BpmnEdge edge : edges) {
			if (edge.getBpmnElement() instanceof SequenceFlow flow) {
				boolean taken = visited.contains(flow.getSource().getId()) && visited.contains(flow.getTarget().getId());
				svg.append("<polyline fill=\"none\" stroke=\"").append(taken ? "#2f9e44" : "#adb5bd")
					.append("\" stroke-width=\"").append(taken ? 2.5 : 1.2)
					.append("\" marker-end=\"url(#").append(taken ? "arrow-taken" : "arrow").append(")\" points=\"");
				for (Waypoint point : edge.getWaypoints()) {
					svg.append(num(point.getX())).append(',').append(num(point.getY())).append(' ');
				}
				svg.append("\"><title>").append(escape(flow.getName())).append("</title></polyline>");
			}
		}
		for (BpmnShape shape : shapes) {
			BaseElement element = shape.getBpmnElement();
			if (element instanceof FlowNode node) {
				drawNode(svg, node, shape.getBounds(), visited.contains(node.getId()), current.contains(node.getId()));
			}
		}
		for (BpmnEdge edge : edges) {
			if (edge.getBpmnElement() instanceof SequenceFlow flow && flow.getName() != null) {
				flowLabel(svg, flow.getName(), edge);
			}
		}
		return svg.append("</svg>").toString();
	}

	/** A flow's name (a gateway's answer): where the model put it, or beside the flow's first bend. */
	private static void flowLabel(StringBuilder svg, String name, BpmnEdge edge) {
		double x;
		double y;
		if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
			Bounds b = edge.getBpmnLabel().getBounds();
			x = b.getX() + b.getWidth() / 2;
			y = b.getY() + b.getHeight() / 2 + 4;
		}
		else {
			List<Waypoint> points = List.copyOf(edge.getWaypoints());
			Waypoint bend = points.get(points.size() > 2 ? 1 : 0);
			x = bend.getX() + 6;
			y = bend.getY() - 6;
		}
		svg.append("<text class=\"flow-label\" text-anchor=\"middle\" font-size=\"11\" fill=\"#495057\" x=\"")
			.append(num(x)).append("\" y=\"").append(num(y)).append("\">").append(escape(name)).append("</text>");
	}

	private static void drawNode(StringBuilder svg, FlowNode node, Bounds b, boolean passed, boolean waiting) {
		String fill = waiting ? "#fff3bf" : passed ? "#e6f4ea" : "#ffffff";
		String stroke = waiting ? "#e8590c" : passed ? "#2f9e44" : "#868e96";
		String width = waiting ? "3" : passed ? "2" : "1.2";
		String style = "fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + width + "\"";
		double cx = b.getX() + b.getWidth() / 2;
		double cy = b.getY() + b.getHeight() / 2;
		svg.append("<g data-element=\"").append(escape(node.getId())).append("\"")
			.append(waiting ? " class=\"current\"" : passed ? " class=\"passed\"" : "").append('>');
		svg.append("<title>").append(escape(node.getName())).append("</title>");
		if (node instanceof Event) {
			svg.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
				.append(num(b.getWidth() / 2)).append("\" ").append(style).append("/>");
			label(svg, node.getName(), cx, b.getY() + b.getHeight() + 14, 90);
		}
		else if (node instanceof Gateway) {
			svg.append("<polygon points=\"").append(num(cx)).append(',').append(num(b.getY())).append(' ')
				.append(num(b.getX() + b.getWidth())).append(',').append(num(cy)).append(' ').append(num(cx)).append(',')
				.append(num(b.getY() + b.getHeight())).append(' ').append(num(b.getX())).append(',').append(num(cy))
				.append("\" ").append(style).append("/>");
			label(svg, node.getName(), cx, b.getY() + b.getHeight() + 14, 110);
		}
		else {
			svg.append("<rect x=\"").append(num(b.getX())).append("\" y=\"").append(num(b.getY())).append("\" width=\"")
				.append(num(b.getWidth())).append("\" height=\"").append(num(b.getHeight()))
				.append("\" rx=\"").append(node instanceof Activity ? 10 : 0).append("\" ").append(style).append("/>");
			label(svg, node.getName(), cx, cy - 6, b.getWidth() - 8);
		}
		svg.append("</g>");
	}

	/** Writes the name centred, wrapped to the width (Chinese: about 12 px a character). */
	private static void label(StringBuilder svg, String name, double x, double y, double width) {
		if (name == null || name.isBlank()) {
			return;
		}
		int perLine = Math.max(4, (int) (width / 12));
		svg.append("<text text-anchor=\"middle\" fill=\"#212529\">");
		for (int start = 0, line = 0; start < name.length() && line < 3; start += perLine, line++) {
			svg.append("<tspan x=\"").append(num(x)).append("\" y=\"").append(num(y + line * 14)).append("\">")
				.append(escape(name.substring(start, Math.min(name.length(), start + perLine)))).append("</tspan>");
		}
		svg.append("</text>");
	}

	private static String num(double value) {
		return String.valueOf(Math.round(value));
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text);
	}

}
