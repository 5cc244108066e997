package com.acme.orders.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.acme.orders.command.OrderRules;
import com.acme.orders.events.Money;

/**
 * No unit price has more decimals than the order's currency has minor units (2 for EUR, 0
 * for JPY). Reported on each offending {@code lines[i].unitPrice}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PricesFitCurrency.Validator.class)
@interface PricesFitCurrency {

	String message() default "has more decimals than the currency allows";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PricesFitCurrency, PlaceOrderRequest> {

		@Override
		public boolean isValid(PlaceOrderRequest order, ConstraintValidatorContext context) {
			if (order.lines() == null || !OrderRules.isOrderCurrency(order.currency())) {
				return true;
			}
			boolean valid = true;
			context.disableDefaultConstraintViolation();
			for (int i = 0; i < order.lines().size(); i++) {
				OrderLineRequest line = order.lines().get(i);
				BigDecimal price = (line != null) ? line.unitPrice() : null;
				if (price != null && !OrderRules.fitsCurrency(price, order.currency())) {
					valid = false;
					context
						.buildConstraintViolationWithTemplate("has more decimals than " + order.currency() + " allows ("
								+ Money.fractionDigits(order.currency()) + ")")
						.addPropertyNode("lines")
						.addPropertyNode("unitPrice")
						.inIterable()
						.atIndex(i)
						.addConstraintViolation();
				}
			}
			return valid;
		}

	}

}
