package cn.tianxiacheng.servicecenter.system;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.modulith.NamedInterface;

/**
 * A page of results as the API returns it: a stable JSON shape, unlike Spring Data's {@link Page}.
 */
@NamedInterface("pages")
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	public static <E, T> PageView<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page.getTotalPages());
	}

}
