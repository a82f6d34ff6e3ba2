package cn.tianxiacheng.servicecenter.archive;

import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.archive.ArchiveAccesses.Kind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The 申请查阅 form on an archive's page; the due day only for a borrowing. */
record ArchiveAccessForm(@NotBlank(message = "请填写查阅原因") String reason,
		@NotNull(message = "请选择查阅或借阅") Kind kind, LocalDate dueOn) {
}
