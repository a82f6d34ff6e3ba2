package cn.tianxiacheng.servicecenter;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Photos for the upload tests: real images, a text file renamed .jpg, a file too large. */
public final class TestPhotos {

	private TestPhotos() {
	}

	/** A small image of one colour, {@code png} or {@code jpg}. */
	public static byte[] image(String format, Color color) {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** What a script renamed to {@code 照片.jpg} holds. */
	public static byte[] notAnImage() {
		return "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8);
	}

	/** A PNG's header followed by zeros, {@code size} bytes in all. */
	public static byte[] large(int size) {
		byte[] data = new byte[size];
		System.arraycopy(image("png", Color.RED), 0, data, 0, 8);
		return data;
	}

}
