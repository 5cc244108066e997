package com.acme.orders.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.acme.orders.events.Address;

/**
 * A shipping address as the API accepts it.
 */
record AddressRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String street,
		@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 20) String postalCode,
		@NotNull @IsoCountry String country) {

	Address toAddress() {
		return new Address(name.strip(), street.strip(), city.strip(), postalCode.strip(), country);
	}

}
