package cn.tianxiacheng.servicecenter.owner;

import java.time.Duration;

/** Sends a sign-in code to a mobile number (a text message, once the messages issue brings SMS). */
interface CodeSender {

	void send(String phone, String code, Duration validFor);

}
