package cn.tianxiacheng.servicecenter.system;

import java.io.Serializable;

import org.springframework.modulith.NamedInterface;

/**
 * An estate as staff work in it: the app's records carry its {@code id}; the engine knows it as the
 * tenant named by its {@code code} ({@code TXC}).
 */
@NamedInterface("security")
public record EstateRef(long id, String code, String name) implements Serializable {
}
